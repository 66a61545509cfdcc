FROM golang:1.22 AS build
ENV GOMODCACHE=/cache/mod GOCACHE=/cache/build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/custom .

FROM gcr.io/distroless/static
COPY --from=build /out/custom /custom
