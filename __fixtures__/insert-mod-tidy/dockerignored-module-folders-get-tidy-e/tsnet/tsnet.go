package tsnet
