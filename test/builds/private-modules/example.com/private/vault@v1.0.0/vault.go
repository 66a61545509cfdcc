// Package vault is served only by the private proxy, reached through a build secret.
package vault

func Secret() string { return "vault" }
