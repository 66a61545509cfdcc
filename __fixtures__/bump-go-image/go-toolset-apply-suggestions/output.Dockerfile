FROM registry.access.redhat.com/ubi9/go-toolset:1.26 AS build
FROM registry.access.redhat.com/ubi9/go-toolset:9.6-1753221510 AS rhel
FROM registry.access.redhat.com/ubi9/go-toolset:latest AS moving
FROM registry.access.redhat.com/ubi9/go-toolset:1.26.1-1780000000 AS current
