"""Training code for the learned models (needs the `train` extra: LightGBM, scikit-learn).

Nothing here is imported at run time; the models it writes are read by
`cleannews.learn.Forest`.
"""
