FROM golang:1.23
ARG PROXY
WORKDIR /src
COPY . .
RUN export P=x && GOTOOLCHAIN=auto GOPRIVATE=example.com/* CGO_ENABLED=0 GOPROXY=$PROXY GONOSUMDB=$P go build -o /app .
