FROM myorg/builder:latest
WORKDIR /src
COPY . .
RUN go version && make build
