"""HTML skeletons and style sheets of the printed exports (read with ``exports.document.template``)."""
