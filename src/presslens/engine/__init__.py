"""The engine: every stage over a big corpus, by partition (threads or Dask), into an index.

``build`` runs the stages and writes the index: ``stages`` holds the work done on each
partition, ``runners`` runs it in this process or on a Dask cluster; ``indexlink`` runs the
corpus-wide stages (speakers, linking, events, echoes) on what the partitions stored.
"""

from presslens.engine.build import ENGINES, build_index

__all__ = ["ENGINES", "build_index"]
