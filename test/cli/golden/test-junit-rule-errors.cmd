test test/cli/golden/files/untested.rules --format junit
