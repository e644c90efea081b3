"""Side-by-side benchmarks: cleannews against peer extractors on ../shared/corpus.

Run `python -m benchmarks DATASET_DIR...` from the repository root; see README.md.
"""
