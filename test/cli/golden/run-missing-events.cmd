run test/cli/golden/files/deals.rules
