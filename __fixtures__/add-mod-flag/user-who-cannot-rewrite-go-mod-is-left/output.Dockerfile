FROM registry.access.redhat.com/ubi9/go-toolset:1.22 AS default-user
COPY . .
RUN go build -o /tmp/app .

FROM registry.access.redhat.com/ubi9/go-toolset:1.22 AS chowned
COPY --chown=1001:0 . .
RUN go build -mod=mod -o /tmp/app .
