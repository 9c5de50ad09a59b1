// SelfHealDaemon: see the module's files.
