"""Training the learned models: the block scorer (`python -m cleannews.training --help`)
and the page-type classifier (`python -m cleannews.training.pagetype`).

Never imported at run time: it needs the `train` extra (LightGBM, scikit-learn) and
the corpora in `../shared/corpus`, which are read here and never copied into the
project; the models it writes are read by `cleannews.learn.Forest`. Block scorer
stages: `data` (pages -> documents through the real pipeline stages), `align` (block
labels from the truth bodies), `features` (cached rows), `cv` (out-of-fold scores,
folds grouped by site), `train` (the shipped model).
"""
