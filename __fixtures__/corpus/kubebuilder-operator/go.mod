module github.com/acme/memcached-operator

go 1.21

require (
	k8s.io/client-go v0.29.0
	sigs.k8s.io/controller-runtime v0.17.0
)
