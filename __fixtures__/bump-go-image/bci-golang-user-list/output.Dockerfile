FROM registry.suse.com/bci/golang:1.25 AS build
FROM registry.suse.com/bci/golang:1.25-openssl AS fips
FROM registry.suse.com/bci/golang:stable AS moving
FROM registry.suse.com/bci/golang:1.24.3-3.1 AS stamped
