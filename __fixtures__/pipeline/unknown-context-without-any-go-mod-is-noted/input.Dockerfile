FROM golang:1.22 AS build
WORKDIR /src
# app/ is generated before the image is built: not in the checkout
COPY app/ /src/
RUN go build -o /app .

FROM scratch
COPY --from=build /app /app
