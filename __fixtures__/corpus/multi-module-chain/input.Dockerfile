FROM golang:1.21 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY api/go.mod api/go.sum ./api/
COPY sdk/go.mod sdk/go.sum ./sdk/
RUN go mod download && cd api && go mod download && cd ../sdk && go mod download
COPY . .
RUN cd api && go build -o /out/api . && cd ../sdk && go test ./...

FROM gcr.io/distroless/static
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
