FROM registry.access.redhat.com/ubi8/go-toolset:1.22 AS build
FROM registry.access.redhat.com/ubi8/go-toolset:1.22 AS again
