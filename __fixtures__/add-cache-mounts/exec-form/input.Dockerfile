FROM golang:1.23
WORKDIR /src
COPY . .
RUN ["go", "build", "-o", "/app", "."]
RUN --network=none ["env", "CGO_ENABLED=0", "go", "test", "./..."]
