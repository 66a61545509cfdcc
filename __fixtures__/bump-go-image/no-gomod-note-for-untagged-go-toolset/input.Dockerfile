FROM registry.access.redhat.com/ubi8/go-toolset
COPY app/* ./
RUN go build main.go
