FROM registry.access.redhat.com/ubi9-minimal
RUN microdnf install -y golang
WORKDIR /src
COPY . .
RUN go build -o /app .
