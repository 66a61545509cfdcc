FROM registry.access.redhat.com/ubi9/go-toolset:9.8-1789040808
COPY --chown=1001:0 . .
RUN GOTOOLCHAIN=auto go build -o app .

FROM registry.access.redhat.com/ubi9/go-toolset:1.22.7-1733160835 AS pinned
COPY --chown=1001:0 . .
RUN GOTOOLCHAIN=auto go build -o app .

FROM registry.access.redhat.com/ubi9/go-toolset:1.22.7-1733160835 AS local
COPY --chown=1001:0 . .
RUN go build -o app .
