"""Run-in captions found in English and French, never in a short sentence."""
import pytest

from dpa_builder.render.typeset import split_caption


@pytest.mark.parametrize("text, caption", [
    ("Advance notice of changes. The Processor gives notice.", "Advance notice of changes."),
    ("Nature, purpose, personal data and data subjects. The nature",
     "Nature, purpose, personal data and data subjects."),
    ("Nature, finalité, données à caractère personnel et personnes concernées. La nature",
     "Nature, finalité, données à caractère personnel et personnes concernées."),
    ("Droit d’opposition. Le Client peut", "Droit d’opposition."),
    ("The Processor complies. Then it reports.", ""),
    ("Le Client peut procéder à un audit. Il", ""),
    ("Each notice identifies the Sub-processor. It", ""),
    ("Clause 7 (docking clause): the optional docking clause applies.", ""),
    ("e.g. Google. Then", ""),
])
def test_a_caption_is_a_short_phrase_before_a_new_sentence(text, caption):
    assert split_caption(text)[0] == caption
