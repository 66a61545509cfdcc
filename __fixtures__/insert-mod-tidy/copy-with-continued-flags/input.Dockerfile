FROM golang:1.23
WORKDIR /src
COPY --chown=1000:1000 \
     --chmod=644 \
     . .
RUN go build -o /app .
