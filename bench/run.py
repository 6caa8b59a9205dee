"""`make bench`: every benchmark, one after another (about 15 minutes on 2 cores).

The end-to-end benchmark generates its 10k-notice corpus in a temporary folder.
"""

from bench import (
    e2e_bench,
    list_shapes_bench,
    mojibake_bench,
    normalize_bench,
    pdf_bench,
    reflow_bench,
    registry_bench,
    script_bench,
    wrapped_cells_bench,
)

if __name__ == "__main__":
    normalize_bench.main()
    mojibake_bench.main()
    reflow_bench.main()
    script_bench.main()
    wrapped_cells_bench.main()
    list_shapes_bench.main()
    registry_bench.main()
    pdf_bench.main()
    e2e_bench.main()
