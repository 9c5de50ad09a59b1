// SystemdKit: see the module's files.
