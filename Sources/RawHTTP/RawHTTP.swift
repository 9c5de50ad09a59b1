// RawHTTP: see the module's files.
