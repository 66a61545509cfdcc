FROM registry.access.redhat.com/ubi8/go-toolset:1.24 AS build
FROM registry.access.redhat.com/ubi8/go-toolset:1.24 AS again
