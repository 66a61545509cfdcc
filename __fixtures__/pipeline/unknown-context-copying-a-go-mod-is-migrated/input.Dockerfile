FROM golang:1.22 AS build
WORKDIR /src
COPY svc/go.mod svc/go.sum ./
RUN go mod download
# gen/ is generated before the image is built: not in the checkout
COPY gen/ ./gen/
COPY svc/ ./
RUN go build -o /app .

FROM scratch
COPY --from=build /app /app
