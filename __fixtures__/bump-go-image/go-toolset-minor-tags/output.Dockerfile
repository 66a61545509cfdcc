FROM registry.access.redhat.com/ubi9/go-toolset:1.24 AS build
FROM registry.redhat.io/ubi9/go-toolset:1.24 AS test
FROM registry.access.redhat.com/ubi9/go-toolset:1.25 AS newer
