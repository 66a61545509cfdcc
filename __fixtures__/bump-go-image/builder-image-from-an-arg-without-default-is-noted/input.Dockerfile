ARG builder_image
FROM ${builder_image} AS build
WORKDIR /src
COPY . .
RUN go build -o /svc ./cmd/svc

FROM gcr.io/distroless/static
COPY --from=build /svc /svc
