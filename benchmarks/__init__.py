"""Whole-process benchmarks, each printing its figures and, where there is a natural baseline, the
ratio to that baseline measured in the same run. `make bench` runs them all."""
