FROM registry.redhat.io/ubi8/go-toolset as builder
COPY . .
RUN go build -o app .

FROM registry.access.redhat.com/ubi8/go-toolset:latest AS tagged
COPY . .
RUN go build -o app .

FROM registry.access.redhat.com/ubi9/go-toolset:latest AS nine
COPY . .
RUN go build -o app .
