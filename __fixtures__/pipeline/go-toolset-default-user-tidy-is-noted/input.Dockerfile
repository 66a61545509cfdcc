FROM registry.access.redhat.com/ubi9/go-toolset:1.22
COPY . .
RUN go build -o /tmp/app .
