"""The training command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleannews.training.cv import FOLDS
from cleannews.training.data import DATASETS, default_corpus


def _align(args: argparse.Namespace) -> int:
    from cleannews.training.align import align
    from cleannews.training.data import examples

    for ex in examples(args.corpus, args.dataset, only=args.page):
        al = align(ex.doc, ex.truth.get("body", ""))
        kept = set(ex.rules.kept)
        print(f"# {ex.dataset}/{ex.id} site={ex.site} blocks={len(ex.doc.blocks)} main={sum(al.labels)}")
        for b, lab, ov in zip(ex.doc.blocks, al.labels, al.overlap):
            flag = "R" if b.index in kept else ("c" if b.index in ex.removed else ".")
            print(f"{b.index:4d} {'MAIN' if lab else '----'} {ov:4.2f} {flag} {b.tag:6s} {b.text[:args.width]!r}")
    return 0


def _features(args: argparse.Namespace) -> int:
    from cleannews.training.features import build_cache

    for ds in args.datasets:
        build_cache(args.corpus, ds, args.cache, limit=args.limit)
    return 0


def _cv(args: argparse.Namespace) -> int:
    from cleannews.training.cv import run_cv

    run_cv(args.corpus, args.datasets, args.cache, folds=args.folds, out=args.out, by=args.by, sweep=args.sweep,
           reuse=args.reuse, page_types=args.page_types, gate_types=args.gate_types)
    return 0


def _train(args: argparse.Namespace) -> int:
    from cleannews.training.cv import train_shipped

    train_shipped(args.corpus, args.datasets, args.cache, args.model, page_types=args.page_types)
    return 0


_PT_HELP = ("the page-type trainer's feature cache (`python -m cleannews.training.pagetype --cache FILE`): "
            "add each page's type probabilities as features, out-of-fold (nested in cv)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m cleannews.training", description=__doc__)
    p.add_argument("--corpus", type=Path, default=default_corpus())
    p.add_argument("--cache", type=Path, default=Path("/tmp/cleannews-learn"), help="where built features are cached")
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("align", help="print a page's blocks with their labels and overlap")
    a.add_argument("--dataset", required=True)
    a.add_argument("--page", help="one page id (default: every page)")
    a.add_argument("--width", type=int, default=90)
    a.set_defaults(fn=_align)
    f = sub.add_parser("features", help="build and cache the feature rows of datasets")
    f.add_argument("datasets", nargs="*", default=list(DATASETS))
    f.add_argument("--limit", type=int)
    f.set_defaults(fn=_features)
    c = sub.add_parser("cv", help="out-of-fold scores, folds grouped by site")
    c.add_argument("datasets", nargs="*", default=list(DATASETS))
    c.add_argument("--folds", type=int, default=FOLDS)
    c.add_argument("--out", type=Path, default=Path("benchmarks/out/oof"))
    c.add_argument("--by", help="also score by this truth field (e.g. page_type)")
    c.add_argument("--sweep", action="store_true", help="sweep the decoding constants (out-of-fold) and print them")
    c.add_argument("--reuse", action="store_true", help="reuse the cached out-of-fold probabilities of the same run")
    c.add_argument("--page-types", type=Path, help=_PT_HELP)
    c.add_argument("--gate-types", type=Path, help="the page-type trainer's feature cache: decode with the page-type "
                   "article gate (out-of-fold page-type probabilities), as the shipped model does")
    c.set_defaults(fn=_cv)
    t = sub.add_parser("train", help="train on every page and write the shipped model")
    t.add_argument("datasets", nargs="*", default=list(DATASETS))
    t.add_argument("--model", type=Path, default=Path(__file__).resolve().parents[1] / "scoring" / "models")
    t.add_argument("--page-types", type=Path, help=_PT_HELP)
    t.set_defaults(fn=_train)
    args = p.parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
