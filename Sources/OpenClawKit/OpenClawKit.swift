// OpenClawKit: see the module's files.
