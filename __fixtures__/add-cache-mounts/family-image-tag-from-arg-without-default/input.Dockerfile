ARG TOOLSET_TAG
FROM registry.access.redhat.com/ubi9/go-toolset:${TOOLSET_TAG}
COPY . .
RUN go build -o app .
