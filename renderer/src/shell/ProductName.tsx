/** The product's name at the top of every screen. */
export function ProductName() {
  return (
    <p className="product-name">
      <span className="product-name__mark" aria-hidden="true" />
      Reflective Portfolio
    </p>
  );
}
