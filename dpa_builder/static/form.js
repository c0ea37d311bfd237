// Forms, progressively enhanced (everything works without this script):
// focus goes to the first problem, and a form being sent says so and cannot be sent twice.
"use strict";

function focusFirstProblem() {
  const field = document.querySelector("[aria-invalid=true]");
  const notice = document.getElementById("form-expired");
  const target = field || notice;
  if (!target) return;
  if (!field) target.tabIndex = -1;
  target.focus();
}

function showPending(form) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.sending) {
      event.preventDefault();  // a second click: the first submission is on its way
      return;
    }
    form.dataset.sending = "true";
    for (const button of form.querySelectorAll("button[type=submit]")) button.disabled = true;
    const status = document.getElementById(form.dataset.pendingStatus);
    status.textContent = form.dataset.pendingText;
    status.classList.add("active");
  });
}

function resetOnReturn() {
  // Back to a page kept in the browser's cache: let the form be sent again.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const form of document.querySelectorAll("form[data-pending-text]")) {
      delete form.dataset.sending;
      for (const button of form.querySelectorAll("button[type=submit]")) button.disabled = false;
      document.getElementById(form.dataset.pendingStatus).textContent = "";
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  focusFirstProblem();
  document.querySelectorAll("form[data-pending-text]").forEach(showPending);
  resetOnReturn();
});
