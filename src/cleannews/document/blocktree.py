"""The block elements of an HTML document as arrays: what the block scorers read about
the tree, built once a document (`Document.block_tree`) and shared.

The elements that hold blocks, and every element above them, are numbered densely
("slots") in increasing node id, which is preorder, so a parent's slot is smaller than
its children's; one more slot, the last, stands for "no element" (the parent of a
top-level element, an ancestor past the root). Each block has its element's slot and
the slots of its nearest ancestors (its `Block.ancestors`, which are its element's
`Document.node_parent` chain).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from cleannews.document import Document

#: How many of a block's nearest ancestors `BlockTree.up` holds (the learned scorer's
#: features read three: `learned_features.ANCESTOR_LEVELS` and `CUE_LEVELS`).
NEAR_LEVELS = 3


@dataclass(frozen=True)
class BlockTree:
    #: the node id of each slot, in increasing order (the last slot, "no element", has none)
    ids: tuple[int, ...]
    #: the parent slot of each slot, the last slot included (its own parent)
    parent: tuple[int, ...]
    #: each block's element's slot
    at: npt.NDArray[np.int64]
    #: up[k - 1]: each block's k-th nearest ancestor's slot (the last slot past the root)
    up: tuple[npt.NDArray[np.int64], ...]

    @property
    def none(self) -> int:
        """The "no element" slot."""
        return len(self.ids)

    def subtree_sums(self, *values: npt.NDArray[np.float64]) -> list[npt.NDArray[np.float64]]:
        """Per slot, the sum of each of `values` (one entry a block) over the element's
        subtree: each element's own blocks added in block order, then each element's
        sum added to its parent's in decreasing slot order (children before parents),
        only from elements with a block below them; the last slot holds 0. The order
        is that of a dict accumulation over node ids, so float sums come out the same."""
        size = len(self.parent)
        par = self.parent
        sums = [np.bincount(self.at, weights=v, minlength=size).tolist() for v in values]
        count = np.bincount(self.at, minlength=size).tolist()
        for i in range(size - 2, -1, -1):
            if count[i]:
                up = par[i]
                count[up] += count[i]
                for s in sums:
                    s[up] += s[i]
        out = [np.array(s, dtype=np.float64) for s in sums]
        for o in out:
            o[-1] = 0.0
        return out


def build_block_tree(doc: Document) -> BlockTree:
    """The document's `BlockTree` (see the module docstring)."""
    parent = doc.node_parent
    nodes = [b.node for b in doc.blocks]
    ids = sorted(set(doc.node_tags).union(parent, parent.values(), nodes))
    m = len(ids)
    slot = {e: i for i, e in enumerate(ids)}
    par = [slot[parent[e]] if e in parent else m for e in ids]
    par.append(m)
    par_ = np.array(par, dtype=np.int64)
    at = np.array([slot[x] for x in nodes], dtype=np.int64)
    up = [par_[at]]
    for _ in range(NEAR_LEVELS - 1):
        up.append(par_[up[-1]])
    return BlockTree(tuple(ids), tuple(par), at, tuple(up))
