FROM golang:1.23
COPY <<EOF /build.sh
go build -o /app .
EOF
RUN cat <<EOF > /notes.txt
go build -o /app .
EOF
