"""Inputs no visitor should be able to break the site with, shared by the bad-input tests.

Each strategy mixes a few hand-picked fragments (the ones attacks and accidents bring: SQL
and template syntax, HTML, path traversal, percent escapes, NUL) with generated text of the
kinds that break naive code: very long, right-to-left, combining marks and emoji, control
characters, lone numbers of the wrong kind.
"""

from hypothesis import strategies as st

FRAGMENTS = [
    "",
    " ",
    "' OR 1=1--",
    '"; DROP TABLE members_organisation; --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request.user.password }}",
    "{% debug %}",
    "${7*7}",
    "%00",
    "%",
    "%%",
    "\\",
    "../../etc/passwd",
    "..%2f..%2f",
    "\u202eevil\u202c",
    "שלום עולם",
    "مرحبا",
    "e\u0301\u0301\u0301",
    "👩‍👩‍👧‍👦🇳🇱",
    "\ufeff",
    "\u200b",
    "Súdwest-Fryslân",
    "null",
    "None",
    "undefined",
    "[]",
    "{}",
    "true",
]
NUMBERS = [
    "-1",
    "0",
    "1e9",
    "99999999999999999999999999",
    "-99999999999999999999",
    "1.5",
    "0x10",
    "NaN",
    "inf",
    "٣",
    "2026-13",
    "2026-00",
    "0000-01",
    "9999-12",
    "2026-1",
    "2026-02-30",
    "abc",
]

# Any character Python can put in a URL or a form field, NUL and the other controls
# included; surrogates cannot be encoded as UTF-8, so no client could send them.
any_char = st.characters(codec="utf-8")
controls = st.text(st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=5)
unicode_text = st.text(any_char, max_size=60)
long_text = st.builds(lambda c, n: c * n, st.sampled_from("aé€😀<'%"), st.integers(300, 10_000))


def with_nul(text):
    return st.builds(lambda a, b: a + "\x00" + b, text, text)


nasty_text = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(NUMBERS),
    unicode_text,
    controls,
    long_text,
    with_nul(st.sampled_from(["", "a", "' OR 1=1--"])),
    st.builds(lambda a, b: a + b, st.sampled_from(FRAGMENTS), unicode_text),
)


def values_for(known=()):
    """A value for a parameter: nasty text, or one of the values the site knows (so the
    code behind a valid filter runs too)."""
    return st.one_of(nasty_text, st.sampled_from(list(known))) if known else nasty_text


def query_params(names, known=None):
    """A query string's parameters as a list of pairs: some of `names` (repeated at times),
    with an unknown name now and then; values from `values_for`."""
    known = known or {}
    name = st.one_of(st.sampled_from(list(names)), nasty_text.filter(bool))
    pair = name.flatmap(lambda n: st.tuples(st.just(n), values_for(known.get(n, ()))))
    return st.lists(pair, max_size=6)


# A path segment: anything that, once percent-encoded, could be put in an address.
slugs = st.one_of(
    nasty_text.filter(lambda s: s not in ("", ".", "..")),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_"), min_size=1, max_size=300),
)


def form_values(fields, valid=None):
    """A POST body for a form with `fields`: each field left out, or nasty, or (from
    `valid`) its valid value; sometimes a field twice or a field of another form."""
    valid = valid or {}

    def value(name):
        options = [nasty_text]
        if name in valid:
            options.append(st.just(valid[name]))
        return st.one_of(*options)

    def one(name):
        return st.one_of(st.none(), value(name))

    body = st.fixed_dictionaries({name: one(name) for name in fields})
    extra = st.dictionaries(nasty_text.filter(bool), nasty_text, max_size=2)
    return st.builds(
        lambda b, e: {**e, **{k: v for k, v in b.items() if v is not None}}, body, extra
    )
