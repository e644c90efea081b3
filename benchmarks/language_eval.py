"""Language guessing measured on the corpora's pages with a known language.

    python benchmarks/language_eval.py ../shared/corpus            # table
    python benchmarks/language_eval.py ../shared/corpus --json

Truth: readability's `lang` field (the page's declared language, where the test page
has one) and fundus-dev's `country` for the countries with one national news
language (a Swiss, Belgian, Canadian, South African, Indian... outlet is left out:
its country does not say its language). The text a guesser reads is the page's truth
body (so the figure measures the guesser, not the extractor), cut like the pipeline
cuts it (`language.SAMPLE_CHARS`). Compared: the hand-written function-word counter
(`cleannews.metadata.language.guess_language`) and py3langid. "right" counts a guess
equal to the truth; "none" a guess withheld; time is per call, in this process.
Nothing here is learned or tuned on these pages: both guessers are used as shipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: fundus-dev's countries whose news pages are in one language.
COUNTRY_LANGUAGE = {
    "de": "de", "at": "de", "uk": "en", "us": "en", "au": "en", "es": "es", "mx": "es", "py": "es",
    "tr": "tr", "kr": "ko", "jp": "ja", "it": "it", "fr": "fr", "no": "no", "isl": "is", "lt": "lt",
    "vn": "vi",
}
#: Codes that name one language two ways (py3langid says "nb" for Norwegian Bokmål).
SAME = {"nb": "no", "nn": "no"}


def cases(corpus: Path) -> list[tuple[str, str, str]]:
    """(dataset/id, language, text) for every page with a known language."""
    out: list[tuple[str, str, str]] = []
    for name, key in (("readability", "lang"), ("fundus-dev", "country")):
        truth = corpus / name / "truth.jsonl"
        if not truth.exists():
            continue
        for line in truth.open(encoding="utf8"):
            row = json.loads(line)
            value = row.get(key)
            lang = (COUNTRY_LANGUAGE.get(value) if key == "country" else (value or "").split("-")[0].lower() or None)
            body = row.get("body") or ""
            if lang and body.strip():
                out.append((f"{name}/{row['id']}", lang, body))
    return out


def guessers(chars: int | None) -> tuple[dict[str, Callable[[str], str | None]], float | None]:
    """The guessers, each reading the first `chars` characters (None: as shipped), and the
    CPU seconds py3langid takes to load its model (None when it is not installed)."""
    from cleannews.metadata.language import SAMPLE_CHARS, guess_language

    cut = chars or SAMPLE_CHARS
    found: dict[str, Callable[[str], str | None]] = {"function words": lambda t: guess_language(t[:cut])}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        print("py3langid is not installed: pip install py3langid", file=sys.stderr)
        return found, None
    t0 = time.process_time()
    model = LanguageIdentifier.from_model_file(MODEL_FILE)  # once a process
    load = time.process_time() - t0

    def langid(text: str) -> str | None:
        code, _ = model.classify(text[:cut])
        return SAME.get(str(code), str(code))

    found["py3langid"] = langid
    return found, load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="the corpus folder (../shared/corpus)")
    ap.add_argument("--chars", type=int, help="read only the first N characters (default: SAMPLE_CHARS, as shipped)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = cases(args.corpus)
    if not rows:
        print("no page with a known language found", file=sys.stderr)
        return 1
    found, load = guessers(args.chars)
    report: dict[str, Any] = {"pages": len(rows), "languages": sorted({lang for _, lang, _ in rows}),
                              "chars": args.chars, "py3langid_load_cpu_s": load, "systems": {}}
    for name, guess in found.items():
        right = none = 0
        wrong: list[str] = []
        t0 = time.process_time()
        for rid, lang, text in rows:
            g = guess(text)
            if g == lang:
                right += 1
            elif g is None:
                none += 1
            else:
                wrong.append(f"{rid}: {lang} -> {g}")
        ms = (time.process_time() - t0) * 1000 / len(rows)
        report["systems"][name] = {"right": right, "none": none, "wrong": len(wrong), "accuracy": round(right / len(rows), 3),
                                   "ms_per_page": round(ms, 3), "wrong_examples": wrong[:15]}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['pages']} pages, languages: {' '.join(report['languages'])}; chars {args.chars or 'as shipped'}")
    if load is not None:
        print(f"py3langid model load: {load:.2f} s CPU, once a process")
    print(f"{'guesser':<16} {'right':>6} {'none':>5} {'wrong':>6} {'accuracy':>9} {'ms/page':>8}")
    for name, s in report["systems"].items():
        print(f"{name:<16} {s['right']:>6} {s['none']:>5} {s['wrong']:>6} {s['accuracy']:>9.3f} {s['ms_per_page']:>8.3f}")
    for name, s in report["systems"].items():
        for w in s["wrong_examples"]:
            print(f"  {name}: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
