"""Sub-commands of the ``presslens`` CLI, one module each with ``register(subparsers)``."""
