FROM golang:1.23
RUN groupadd -g 2000 builders && \
    useradd -m -u 1001 -g builders -s /bin/bash builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder:builders . .
RUN --mount=type=cache,target=/go/pkg/mod,id=/go/pkg/mod-uid1001,uid=1001,gid=2000 \
    --mount=type=cache,target=/home/builder/.cache/go-build,uid=1001,gid=2000 \
    go build -o /home/builder/app .
