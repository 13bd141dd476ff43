"""The attribute ruler's rules, applied without spaCy's Matcher; the same tokens come out.

The model's ``attribute_ruler`` maps each fine-grained tag (and some words) to a part of
speech, morphology and lemma exceptions: 179 rules, almost all on one token. spaCy runs them
through its general Matcher, which re-checks every rule's predicates at every token. That
was 14% of the parse: 3.0 s of 20.1 s for 1,000 Reuters articles, against 3.2 s for the
parser. Here each rule's token predicates are checked once per distinct (tag, lower form,
dependency, is-space) of a token, remembered, and the matches are handed, in the ruler's
order, to the setter the ruler itself uses: 0.3 s for the same articles. The tokens were
compared with the stock ruler's over 2,000 Reuters articles, the demo corpus and the seed
(all 309,451 identical); the tests compare them on every rule shape of the model.

Rules using anything this does not read (another attribute, an operator such as ``OP``, a
predicate other than IN/NOT_IN/REGEX) leave the stock ruler in place.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token features a rule may test, in key order
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
# tokens' features remembered: 1,000 Reuters articles have 25,000 distinct ones (a word with
# its tag and dependency), ~250 bytes each; past the bound they are forgotten all at once
FEATURES_KEPT = 8192
CLASSES_KEPT = 50_000  # ~600 in Reuters


class Unsupported(ValueError):
    """A rule tests something this module does not compile."""


class _Field:
    """What the rules can tell apart in one token feature: the values they name, and which of
    their regular expressions match. Two words the rules cannot tell apart share one class,
    so the rules run once per class (~600 in Reuters), not once per distinct word."""

    def __init__(self):
        self.named: set = set()
        self.regexes: list = []

    def predicate(self, field: str, spec) -> Callable[[tuple], bool]:
        if field == "IS_SPACE" and not isinstance(spec, bool):
            raise Unsupported(f"IS_SPACE {spec!r}")
        if isinstance(spec, (str, bool)):
            self.named.add(spec)
            return lambda value: value[0] == spec
        if isinstance(spec, dict) and len(spec) == 1:
            (op, arg), = spec.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple, set, frozenset)):
                values = frozenset(arg)
                self.named.update(values)
                if op == "IN":
                    return lambda value: value[0] in values
                return lambda value: value[0] not in values
            if op == "REGEX" and field != "IS_SPACE":
                k = len(self.regexes)
                self.regexes.append(re.compile(arg).search)
                return lambda value: value[1][k]
        raise Unsupported(f"{field} {spec!r}")

    def reduce(self, value) -> tuple:
        return (value if value in self.named else None,
                tuple(search(value) is not None for search in self.regexes))


class FastAttributes:
    """Runs an AttributeRuler's rules; built from the ruler, which still sets the attributes."""

    def __init__(self, ruler):
        self.ruler = ruler
        strings = ruler.vocab.strings
        self._fields = tuple(_Field() for _ in FIELDS)
        # the ruler's own rule list: rule i is matcher key str(i), applied in order i
        self.patterns: list[tuple[int, int, int, list]] = []  # (rule, key hash, token index, tests)
        self._keys = [strings.add(str(rule)) for rule in range(len(ruler.indices))]  # rule -> key hash
        for rule, (index, key) in enumerate(zip(ruler.indices, self._keys)):
            for pattern in ruler.matcher.get(key)[1]:
                if not pattern:
                    raise Unsupported("empty pattern")
                self.patterns.append((rule, key, index, [self._token_test(spec) for spec in pattern]))
        self._strings = strings
        self._seen: dict[tuple, tuple] = {}  # a token's features (hashes) -> what it matches
        self._classes: dict[tuple, tuple] = {}  # the same, by what the rules can tell apart

    def _token_test(self, spec: dict) -> Callable[[tuple], bool]:
        unknown = set(spec) - set(FIELDS)
        if unknown:
            raise Unsupported(f"token attributes {sorted(unknown)}")
        tests = [(FIELDS.index(f), self._fields[FIELDS.index(f)].predicate(f, v)) for f, v in spec.items()]
        return lambda features: all(test(features[i]) for i, test in tests)

    def _passes(self, key: tuple) -> tuple[tuple[int, ...], frozenset]:
        """For a token with these features: the one-token rules it matches, in order, and the
        (pattern, position) pairs of longer patterns it can fill."""
        found = self._seen.get(key)
        if found is None:
            s = self._strings
            raw = (s[key[0]] if key[0] else "", s[key[1]] if key[1] else "",
                   s[key[2]] if key[2] else "", bool(key[3]))
            features = tuple(field.reduce(value) for field, value in zip(self._fields, raw))
            found = self._classes.get(features)
            if found is None:
                single = sorted({rule for rule, _, _, tests in self.patterns
                                 if len(tests) == 1 and tests[0](features)})
                longer = frozenset((p, j) for p, (_, _, _, tests) in enumerate(self.patterns)
                                   if len(tests) > 1 for j, test in enumerate(tests) if test(features))
                found = (tuple(single), longer)
                if len(self._classes) >= CLASSES_KEPT:
                    self._classes.clear()
                self._classes[features] = found
            if len(self._seen) >= FEATURES_KEPT:
                self._seen.clear()
            self._seen[key] = found
        return found

    def _rows(self, doc: Doc) -> list:
        return [self._passes(tuple(row)) for row in doc.to_array(_ARRAY).tolist()] if len(doc) else []

    def _longer(self, rows: list) -> list[tuple[int, int, int, int]]:
        """Matches of the patterns longer than one token: (rule, key, start, end)."""
        out = []
        for i, (_, longer) in enumerate(rows):
            if not longer:
                continue
            for p, j in longer:
                if j:
                    continue
                rule, key, _, tests = self.patterns[p]
                n = len(tests)
                if i + n <= len(rows) and all((p, k) in rows[i + k][1] for k in range(1, n)):
                    out.append((rule, key, i, i + n))
        return out

    def _target(self, rule: int, start: int, end: int) -> int:
        index = self.ruler.indices[rule]
        position = (start if index >= 0 else end) + index
        if not start <= position < end:
            raise ValueError(f"attribute rule {rule}: token {index} is outside its match")
        return position

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The stock ruler's ``match(doc)``: (rule, key, start, end), sorted."""
        rows = self._rows(doc)
        out = [(rule, self._keys[rule], i, i + 1) for i, (single, _) in enumerate(rows) for rule in single]
        out.extend(self._longer(rows))
        return sorted(out)

    def __call__(self, doc: Doc) -> Doc:
        # the stock ruler applies its matches in rule order; a match sets attributes on one
        # token only, so applying each token's rules in rule order gives the same tokens
        rows = self._rows(doc)
        extra: dict[int, list[int]] = {}
        for rule, _, start, end in self._longer(rows):
            extra.setdefault(self._target(rule, start, end), []).append(rule)
        attrs = self.ruler.attrs
        for i, (single, _) in enumerate(rows):
            rules = sorted(set(single).union(extra[i])) if i in extra else single
            if rules:
                token = doc[i]
                for rule in rules:
                    set_token_attrs(token, attrs[rule])
        return doc


@Language.factory("sitrep_attributes")
def make_fast_attributes(nlp: Language, name: str, ruler_name: str = "attribute_ruler"):
    return FastAttributes(nlp.get_pipe(ruler_name))


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Swap the model's attribute ruler for ``FastAttributes`` when every rule compiles."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe("sitrep_attributes", after="attribute_ruler")
    except Unsupported:
        return False
    nlp.disable_pipe("attribute_ruler")
    return True
