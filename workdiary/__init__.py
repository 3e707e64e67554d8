"""Work Diary: a private, tamper-evident weekly record of workload."""
