"""Learned models at run time: small tree ensembles evaluated with numpy.

Training (LightGBM, scikit-learn) lives in `cleannews.training` and the `train`
extra; at run time a model is a versioned data file in the package read by
`forest.Forest`, so inference needs nothing heavier than numpy.
"""

from cleannews.learn.forest import Forest

__all__ = ["Forest"]
