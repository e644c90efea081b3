"""Direct quotations in the body and who said them.

`find_quotes(body)` works in three passes, all linear in the body's length:

1. **Spans.** Each paragraph (a line of the body) is scanned once for quotation
   marks with a small state machine: curly and straight double marks (one
   family, since dumps mix them), German „…“, guillemets both ways, CJK corner
   brackets, and single marks at the top level only when they open and close
   like quotes (an apostrophe sits between letters or before a year: don't,
   Korea's, '90s). Marks inside a quotation are nested quotes and stay in its
   text. A quotation left open at the end of a paragraph whose next paragraph
   opens with a mark is a multi-paragraph quotation: one Quote per paragraph
   piece, all with the same speaker. A quotation split by its attribution
   ('"A," she said. "B."', '"A," she said, "and B."') is one Quote a piece
   too: each piece has its own offsets and the quotation's speaker, and
   `Quote.continues` links it to the piece before.
2. **Attribution.** Around each span, within its sentence (bounded to
   `CONTEXT_CHARS`), the finder looks for a speech cue and the speaker phrase
   next to it: after the quote ("…," Blinken said / "…," said X / "…," the
   statement added), before it (X said: "…" / X told reporters, "…" /
   according to X, "…" / X said the plan "…" / "…," reported Reuters), with
   appositives ("Flynn, a top surrogate, said") giving the role, a relative
   clause speaking for its antecedent ("the department, which reported "…""),
   a speech noun for its owner ("Trump's claim that "…""), and a passive
   subject ("X was praised as "…"") never taken for the speaker. A transcript
   turn's capital label inside the quote ('"PENCE: Well, ..."') is its speaker.
3. **Resolution.** In reading order: pronouns become the last speaker of the
   same kind (he/she a person, they a group, it an organisation or document),
   unless a named person of the pronoun's gender is the subject of the quote's
   own sentence or of the one just before (the subject, not an object: "Maria
   Lopez met Susan Ward. "...," she said" is Maria Lopez; in the sentence
   before, without a speech verb, only when the given name says the gender),
   a document ("the statement added") its issuer, or the document itself when
   the article names none ("the letter reads"), a surname the full name the
   article gives elsewhere; a role in front of the name ("US Secretary of State
   Antony Blinken") goes to `speaker_role`, but an organisation keeps its
   title words ("the Security Council").

Short quoted phrases (`SHORT_QUOTE_WORDS` words or fewer) count only with a cue
right next to them; otherwise they are scare quotes or titles. Everything is
bounded: no regex here can backtrack, and each quote looks at a window of fixed
size, so hostile input (100k marks, megabyte lines) stays linear.

The package follows those passes, one module each, imported one way only
(each imports just the ones above it):

- `words`: quotation marks, limits, and the union of every language's quote
  vocabulary from `cleannews.lang` (one data file a language: the words live
  there, never here).
- `tokens`: tokens with offsets, sentence and paragraph bounds.
- `marks`: pass 1, quotation-mark spans.
- `names`: the index of names the body gives, for resolution.
- `phrases`: speaker noun phrases next to a cue.
- `attribution`: pass 2, the cue and speaker phrase around a span.
- `resolve`: pass 3, phrases to speaker names.
- `find`: the driver, `find_quotes`.

Only `find_quotes` is public; the underscored helpers are shared between the
modules of this package and nowhere else.
"""

from __future__ import annotations

from cleannews.quotes.find import find_quotes

__all__ = ["find_quotes"]
