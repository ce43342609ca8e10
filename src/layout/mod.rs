//! Automatic layout: pure functions from a map (and the size of each node) to node positions.
